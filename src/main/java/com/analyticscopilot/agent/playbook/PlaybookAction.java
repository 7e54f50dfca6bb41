package com.analyticscopilot.agent.playbook;

/**
 * One action of a playbook rule.
 *
 * @param id   short identifier, unique within its rule; feedback is kept per rule and action id,
 *             so rewording the text keeps the action's history
 * @param text what to do, in words; may hold the same placeholders as a rationale
 */
public record PlaybookAction(String id, String text) {
}
