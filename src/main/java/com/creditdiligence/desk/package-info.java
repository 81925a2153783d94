/**
 * The department head's desk (/desk): portfolio, watch list, deadlines, qualifications, refused submissions.
 * Depends on the kernel, platform, security, accountability and monitoring.
 */
package com.creditdiligence.desk;
