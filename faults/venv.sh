# Sourced by the scripts here: the pinned virtualenv (moto, boto3, joserfc, requests; src/test/moto/requirements.txt)
# under target/faults-venv, made on first use (that once needs PyPI).
VENV=${VENV:-target/faults-venv}
if [ ! -x "$VENV/bin/moto_server" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --requirement src/test/moto/requirements.txt
fi
