package com.analyticscopilot.data;

/**
 * What kind of quantity a KPI is. The role decides which values are valid, which scale a
 * detector works on and how the agent reads a move of the KPI.
 */
public enum KpiRole {
    /** A non-negative count per time step: sessions, orders, sign-ups. */
    COUNT,
    /** A share in [0, 1], usually the ratio of two counts: conversion rate, bounce rate. */
    RATIO,
    /** A non-negative amount of money per time step: revenue, order value. */
    MONEY,
    /** Any other number; no constraints are checked. */
    VALUE;

    /** The role's name as written in a roles file: lower case. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a role as written in a roles file, ignoring case; {@code null} when unknown. */
    public static KpiRole parse(String text) {
        for (KpiRole role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        return null;
    }
}
