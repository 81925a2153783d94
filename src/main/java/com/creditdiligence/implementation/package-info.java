/**
 * Feature: implementation after approval (contracts, counter-guarantees, issuing the guarantee) against the
 * approved terms. Depends on the kernel and committee.
 */
package com.creditdiligence.implementation;
