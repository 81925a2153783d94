/**
 * Feature: application intake (§2, §6), the start form's rule and the listener that opens the case file. Depends on
 * the kernel and platform.
 */
package com.creditdiligence.intake;
