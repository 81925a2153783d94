/**
 * A manager's accountability record as a page and a PDF. Depends on the kernel, platform, security,
 * accountability and print.
 */
package com.creditdiligence.managers;
