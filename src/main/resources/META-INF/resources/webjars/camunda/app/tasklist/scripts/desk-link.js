/*
 * Tasklist custom script (loaded through `customScripts: [..., 'scripts/desk-link']` in config.js).
 *
 * Why: a department head works from Tasklist; their desk (/desk: what is due, who is late, qualifications) is one
 * click from its header. The application says whether the signed-in user may open it (/api/desk/links answers {} to
 * everyone else), so no one is offered a page that would refuse them.
 */
const deskLink = {
  id: 'credit-diligence.desk-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: node => {
    fetch('/api/desk/links', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : {}))
      .then(links => {
        if (!links.desk) {
          return;
        }
        const link = document.createElement('a');
        link.id = 'desk-link';
        link.href = links.desk;
        link.textContent = '部门负责人工作台 Desk';
        link.className = 'desk-link';
        node.appendChild(link);
      })
      .catch(() => {});
  }
};

export default [deskLink];
