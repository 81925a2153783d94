/**
 * Feature: the committee's approval: convening by the approval authority, seats, sealed votes and minutes.
 * Depends on the kernel and platform.
 */
package com.creditdiligence.committee;
