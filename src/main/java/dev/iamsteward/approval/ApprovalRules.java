package dev.iamsteward.approval;

import dev.iamsteward.account.CatalogConfig;
import dev.iamsteward.request.ApprovalPolicy;
import dev.iamsteward.request.ApprovalRequirement;
import dev.iamsteward.request.BreakGlassTerms;
import dev.iamsteward.request.RequestType;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The configured approval rules, checked at startup, and the choice of the one that applies to a request. */
@Startup
@ApplicationScoped
public class ApprovalRules implements ApprovalPolicy {

    private static final Pattern GROUP = Pattern.compile("[^,\\s]{1,128}");

    private final ApprovalConfig config;

    ApprovalRules(ApprovalConfig config) {
        this.config = config;
        check();
    }

    @Override
    public Match match(String account, RequestType type, String risk) {
        CatalogConfig.Risk level = CatalogConfig.Risk.valueOf(risk);
        Map.Entry<String, ApprovalConfig.Rule> best = config.rules().entrySet().stream()
                .filter(e -> covers(e.getValue(), account, type, level))
                .max(Comparator.comparingInt(e -> specificity(e.getValue())))
                .orElseThrow(() -> new IllegalStateException("the default rule covers every request"));
        ApprovalConfig.Rule rule = best.getValue();
        return new Match(new ApprovalRequirement(best.getKey(), rule.approvals(), rule.approverGroups(),
                rule.ownerMustApprove(), rule.managerMustApprove(), breakGlass(rule).orElse(null)),
                rule.autoApprove());
    }

    @Override
    public Duration pendingTimeout() {
        return config.pendingTimeout();
    }

    /** A rule's break-glass terms; empty when it names no group that may break glass. */
    static Optional<BreakGlassTerms> breakGlass(ApprovalConfig.Rule rule) {
        ApprovalConfig.BreakGlass glass = rule.breakGlass();
        return glass.groups().filter(groups -> !groups.isEmpty())
                .map(groups -> new BreakGlassTerms(groups, glass.accessFor(), glass.reviewWithin()));
    }

    /** The rules as configured, by name. */
    public Map<String, ApprovalConfig.Rule> rules() {
        return config.rules();
    }

    /** What is wrong with rules that name accounts the service does not act on: a typo would never match. */
    static List<String> unknownAccounts(Map<String, ? extends ApprovalConfig.Rule> rules,
            Collection<String> accountIds) {
        List<String> problems = new ArrayList<>();
        rules.forEach((name, rule) -> rule.accounts().orElse(Set.of()).stream().sorted()
                .filter(account -> !accountIds.contains(account))
                .forEach(account -> problems.add("rule '" + name + "' names account '" + account
                        + "', which is not a target account " + accountIds)));
        return problems;
    }

    /** Refuses, at startup, rules that could not be applied as written. */
    private void check() {
        List<String> problems = new ArrayList<>();
        if (config.rules().values().stream().noneMatch(r -> specificity(r) == 0)) {
            problems.add("no default rule: one rule must name neither types nor risks");
        }
        config.rules().forEach((name, rule) -> {
            if (rule.approvals() < 1 && rule.autoApprove() != ApprovalRequirement.AutoApprove.ALWAYS) {
                problems.add("rule '" + name + "' needs at least one approval unless it approves ALWAYS");
            }
            rule.approverGroups().stream().filter(g -> !GROUP.matcher(g).matches()).forEach(g ->
                    problems.add("rule '" + name + "' has an invalid approver group '" + g + "'"));
            rule.breakGlass().groups().orElse(Set.of()).stream().filter(g -> !GROUP.matcher(g).matches())
                    .forEach(g -> problems.add("rule '" + name + "' has an invalid break-glass group '" + g + "'"));
            if (isNotPositive(rule.breakGlass().accessFor()) || isNotPositive(rule.breakGlass().reviewWithin())) {
                problems.add("rule '" + name + "' needs a positive break-glass access-for and review-within");
            }
        });
        List<String> names = new ArrayList<>(config.rules().keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                ApprovalConfig.Rule a = config.rules().get(names.get(i));
                ApprovalConfig.Rule b = config.rules().get(names.get(j));
                if (specificity(a) == specificity(b) && overlap(a.accounts(), b.accounts())
                        && overlap(a.types(), b.types())
                        && overlap(a.risks(), b.risks())) {
                    problems.add("rules '" + names.get(i) + "' and '" + names.get(j) + "' both cover some requests "
                            + "equally specifically; narrow one of them");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("steward.approval.rules: " + String.join("; ", problems));
        }
    }

    private static boolean covers(ApprovalConfig.Rule rule, String account, RequestType type,
            CatalogConfig.Risk risk) {
        return rule.accounts().map(a -> a.contains(account)).orElse(true)
                && rule.types().map(t -> t.contains(type)).orElse(true)
                && rule.risks().map(r -> r.contains(risk)).orElse(true);
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }

    private static int specificity(ApprovalConfig.Rule rule) {
        // An account narrows most: a rule for one account wins over any rule for all of them.
        return (rule.accounts().isPresent() ? 4 : 0) + (rule.types().isPresent() ? 2 : 0)
                + (rule.risks().isPresent() ? 1 : 0);
    }

    private static <T> boolean overlap(Optional<Set<T>> a, Optional<Set<T>> b) {
        return a.isEmpty() || b.isEmpty() || a.get().stream().anyMatch(b.get()::contains);
    }
}
