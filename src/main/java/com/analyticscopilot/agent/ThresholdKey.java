package com.analyticscopilot.agent;

/**
 * A site and one of its KPIs: what a threshold offset belongs to.
 *
 * @param site the site
 * @param kpi  the KPI's name
 */
public record ThresholdKey(String site, String kpi) {
}
