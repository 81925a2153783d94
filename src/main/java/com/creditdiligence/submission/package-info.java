/**
 * Kernel: the submission model every step is checked by (TaskRule, TaskSpec, Submission, Checks, Refusal), the
 * business clock and days (BusinessTime, BusinessDays), and the one way to say no (Rejection, SubmissionRefused).
 * Depends on nothing of ours and not on the engine.
 */
package com.creditdiligence.submission;
