/**
 * Demo users and demo cases for a fresh H2 start (credit-diligence.demo.*). Depends on whatever it drives; nothing
 * depends on it.
 */
package com.creditdiligence.demo;
