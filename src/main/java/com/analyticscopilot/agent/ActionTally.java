package com.analyticscopilot.agent;

/**
 * Feedback on one action of one rule at one site, counted once per anomaly event (the latest
 * verdict on the event counts; "not an anomaly" is about the event, not the action, and is
 * left out).
 *
 * @param actionId the action
 * @param site     the site
 * @param accepts  events on which it was accepted
 * @param rejects  events on which it was rejected
 */
public record ActionTally(String actionId, String site, int accepts, int rejects) {
}
