/**
 * Pages and APIs for reading a case's record: the replay, the timeline, the dossier (JSON and PDF) and the
 * evidence API with its amendments. Depends on the kernel, platform, security, the features whose records it
 * shows, brief, desk and print; nothing depends on it.
 */
package com.creditdiligence.audit;
