package com.analyticscopilot.agent;

/**
 * One recommended action with where it ranks and why.
 *
 * @param id     stable identifier of the action within its rule, for feedback
 * @param action what to do, in words
 * @param score  the ranking score (higher is better), after feedback
 * @param reason why it ranks there, e.g. "rejected 3 of 4 times on this site"; empty when the
 *               playbook's order stands
 */
public record RankedAction(String id, String action, double score, String reason) {
}
