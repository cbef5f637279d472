# syntax=docker/dockerfile:1
# The JVM image of IAM Steward: built from source with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t iam-steward:0.1.0 .
# Tags are pinned exactly; pin them by digest too (image@sha256:...) where the build runs, e.g. in CI.

FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/wrapper/maven-wrapper.properties .mvn/wrapper/
COPY src/main src/main
# The local repository is a BuildKit cache, kept between builds. The tests need Python and an emulator: they
# run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp package -DskipTests -Dmaven.test.skip=true

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 185 steward \
 && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin steward
WORKDIR /deployments
# Quarkus' fast-jar layout, the layers that change least first.
COPY --from=build /build/target/quarkus-app/lib/ lib/
COPY --from=build /build/target/quarkus-app/*.jar ./
COPY --from=build /build/target/quarkus-app/app/ app/
COPY --from=build /build/target/quarkus-app/quarkus/ quarkus/
USER 185:185
EXPOSE 8080
# Half the container's memory limit for the heap: see deploy/kubernetes/README.md for the measurements.
# Configuration comes from /deployments/config/application.properties and the environment.
ENV JAVA_OPTS_APPEND=""
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
