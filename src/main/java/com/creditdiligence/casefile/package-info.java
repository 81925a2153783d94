/**
 * Kernel: the case file (CaseFile, CaseFiles, CaseNumbers, CaseStatus, Product, ApprovalByAnother) and the staff groups' ids
 * (StaffGroups). Depends on submission only; never on a feature, platform or the engine (its expressions for the
 * models, CaseFacts and CaseOutcome, are platform's).
 */
package com.creditdiligence.casefile;
