/**
 * Feature: case event reports (§14, §20, §22: emergencies, major events, warning signals), through the API and
 * Tasklist. Depends on the kernel, platform, security and monitoring.
 */
package com.creditdiligence.events;
