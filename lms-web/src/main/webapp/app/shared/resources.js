// Opening a resource that is not a lesson video: a link goes where it points, a file is fetched through a
// short-lived grant that lms-web issues for this user and this resource only.
import { api } from './api.js';

export async function openResource(resource) {
  if (resource.kind === 'LINK') {
    window.open(resource.linkUrl, '_blank', 'noopener');
    return;
  }
  const access = await api(`/api/resources/${resource.id}/access`);
  window.open(access.fileUrl, '_blank', 'noopener');
}
