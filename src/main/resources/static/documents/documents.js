/*
 * The documents page (templates/documents/documents.html), opened from a task form in a tab of its own. Once a
 * document is filed, the page says so to the Tasklist tabs of this origin (BroadcastChannel "credit-diligence-
 * documents"): Tasklist's scripts/case-documents.js then saves the half-filled form of this case and shows it again,
 * with the new document among those to pick. Nothing is sent but the case and the document's reference and name.
 */
(function () {
  const filed = document.getElementById('filed');
  if (!filed || typeof BroadcastChannel === 'undefined') {
    return;
  }
  const channel = new BroadcastChannel('credit-diligence-documents');
  channel.postMessage({
    type: 'document-filed',
    caseKey: filed.dataset.case,
    reference: filed.dataset.reference,
    fileName: filed.dataset.fileName
  });
  channel.close();
}());
