package com.creditdiligence.audit;

import java.time.Instant;

/**
 * One thing that happened in a case, as an auditor replays it: when, who, in which stage, under which
 * article, and the evidence record that proves it ({@code /api/cases/{key}/evidence}, id {@code evidence}).
 */
public record TimelineEntry(
    Instant at,
    String type,
    String stage,
    String element,
    String actor,
    String assignee,
    String duty,
    String clause,
    String process,
    int evidence) {}
