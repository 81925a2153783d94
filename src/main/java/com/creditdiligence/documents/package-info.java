/**
 * Feature: the case's documents: upload, store by SHA-256, cite in a step's record (DocumentCitations for
 * platform). Depends on the kernel, platform and security.
 */
package com.creditdiligence.documents;
