package com.analyticscopilot.agent;

import java.util.List;
import java.util.Locale;

/**
 * How likely an analyst is to accept an action on a site, as a small hierarchical Bayesian
 * estimate: a Beta-binomial model per (rule, action, site), shrunk toward the same rule and
 * action on the other sites ("similar anomalies"), which is in turn shrunk toward the
 * playbook's order.
 * <ol>
 * <li>Playbook prior: action {@code i} of {@code n} has prior acceptance
 *     {@code m_i = 0.65 - 0.3 i / (n - 1)} (0.65 for the first, 0.35 for the last): the
 *     author's order is a belief, worth {@link #PLAYBOOK_WEIGHT} clicks.</li>
 * <li>Pooled: with {@code A} accepts and {@code R} rejects on other sites, the posterior mean
 *     of Beta({@code w m_i + A}, {@code w (1 - m_i) + R}) is
 *     {@code p = (w m_i + A) / (w + A + R)}.</li>
 * <li>Site: {@code p} becomes the prior mean for this site, worth {@link #POOL_WEIGHT} clicks;
 *     with {@code a} accepts and {@code r} rejects here the score is
 *     {@code (k p + a) / (k + a + r)}.</li>
 * </ol>
 * The weights are fixed rather than fitted because the data are a handful of clicks; with
 * them, in a rule of four actions, one rejection on a site moves the first action below the
 * second, two acceptances lift the last one to the top, and a site's own clicks weigh as much
 * as the other sites' experience after two.
 */
public final class FeedbackRanking {

    /** How many clicks the playbook's order is worth. */
    public static final double PLAYBOOK_WEIGHT = 2.0;

    /** How many clicks the other sites' experience is worth on a site. */
    public static final double POOL_WEIGHT = 2.0;

    private FeedbackRanking() {
    }

    /**
     * The estimate for one action.
     *
     * @param prior  the playbook's prior acceptance of the action
     * @param score  the posterior mean acceptance on the site (the ranking score)
     * @param reason the evidence in words, e.g. "rejected 3 of 4 times on this site"; empty when
     *               there is no feedback and the playbook's order stands
     */
    public record Estimate(double prior, double score, String reason) {
    }

    /** The playbook's prior acceptance of the action at {@code position} (0-based) of {@code n}. */
    public static double prior(int position, int n) {
        if (n <= 1) {
            return 0.65;
        }
        return 0.65 - 0.3 * position / (n - 1);
    }

    /**
     * The estimate for one action of a rule on one site.
     *
     * @param position the action's place in the rule (0-based)
     * @param n        the rule's number of actions
     * @param tallies  the rule's tallies (every action, every site); only this action's count
     */
    public static Estimate estimate(String actionId, String site, int position, int n,
                                    List<ActionTally> tallies) {
        int a = 0;
        int r = 0;
        int pooledA = 0;
        int pooledR = 0;
        for (ActionTally t : tallies) {
            if (!t.actionId().equals(actionId)) {
                continue;
            }
            if (t.site().equals(site)) {
                a += t.accepts();
                r += t.rejects();
            } else {
                pooledA += t.accepts();
                pooledR += t.rejects();
            }
        }

        double m = prior(position, n);
        double pooled = (PLAYBOOK_WEIGHT * m + pooledA) / (PLAYBOOK_WEIGHT + pooledA + pooledR);
        double score = (POOL_WEIGHT * pooled + a) / (POOL_WEIGHT + a + r);

        return new Estimate(m, score, reason(a, r, pooledA, pooledR, score));
    }

    private static String reason(int a, int r, int pooledA, int pooledR, double score) {
        StringBuilder s = new StringBuilder();
        if (a + r > 0) {
            s.append(a > r ? "accepted " + a : "rejected " + r).append(" of ").append(a + r)
                    .append(a + r == 1 ? " time" : " times").append(" on this site");
        }
        if (pooledA + pooledR > 0) {
            if (s.length() > 0) {
                s.append("; ");
            }
            int n = pooledA + pooledR;
            s.append(pooledA > pooledR ? "accepted " + pooledA : "rejected " + pooledR)
                    .append(" of ").append(n).append(" times on other sites with this diagnosis");
        }
        if (s.length() > 0) {
            s.append(String.format(Locale.ROOT, " (estimated acceptance %.0f %%)", score * 100));
        }
        return s.toString();
    }
}
