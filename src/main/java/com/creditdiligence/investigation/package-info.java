/**
 * Feature: §5–§14 customer investigation, its rule, checklist documents and deadlines. Depends on the kernel
 * and security.
 */
package com.creditdiligence.investigation;
