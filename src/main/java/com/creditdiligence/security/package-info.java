/**
 * Who may do what: memberships and people (Memberships, People), case access for the application's doors
 * (CaseAccess), qualifications and their gate on assignment, refused submissions. Depends on the kernel and
 * platform; what it needs from a feature it asks through an interface the feature implements (CaseParties).
 */
package com.creditdiligence.security;
