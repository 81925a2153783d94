/**
 * Feature: §15–§19 analysis and evaluation, its rule and the recorded recommendation. Depends on the kernel only.
 */
package com.creditdiligence.evaluation;
