/**
 * The case brief page (/cases/{key}/brief): the case as its forms recorded it. Depends on the kernel, security, accountability
 * and documents.
 */
package com.creditdiligence.brief;
