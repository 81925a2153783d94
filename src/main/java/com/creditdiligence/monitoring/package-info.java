/**
 * Feature: post-guarantee management (§21–§24): monitoring reports and their schedule, risk classes and their
 * adjustment, overdue reports, release. Depends on the kernel and platform.
 */
package com.creditdiligence.monitoring;
