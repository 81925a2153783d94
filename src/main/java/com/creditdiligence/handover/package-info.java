/**
 * Feature: handing a case over to another qualified manager, by the department head, with the open tasks and
 * the ledger's record. Depends on the kernel, platform and security.
 */
package com.creditdiligence.handover;
