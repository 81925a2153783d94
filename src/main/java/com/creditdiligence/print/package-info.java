/**
 * HTML to PDF with the embedded CJK font, for the dossier and the manager's record. Depends on nothing of ours.
 */
package com.creditdiligence.print;
