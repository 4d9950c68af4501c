// The staff API. State-changing calls carry the session's CSRF token; the session itself
// rides in an HttpOnly cookie the page never sees.
import { request } from '../api.js';

let csrfToken = '';
export function setCsrfToken(token) { csrfToken = token ?? ''; }
// The staff's door to the chunked uploads (../uploader.js): the session's cookie and token.
export const kStaffUploadDoor = { base: '/api/v1/staff/uploads', headers: () => ({ 'X-CSRF-Token': csrfToken }) };

function send(method, path, body, type = 'application/json') {
  const headers = { 'X-CSRF-Token': csrfToken };
  if (body !== undefined) headers['Content-Type'] = type;
  return request(path, {
    method,
    headers,
    body: body === undefined ? undefined : (type === 'application/json' ? JSON.stringify(body) : body),
  });
}

export const currentSession = () => request('/api/v1/session');
export const login = (username, password) => send('POST', '/api/v1/session', { username, password });
export const logout = () => send('DELETE', '/api/v1/session');
export const queue = (params) => request('/api/v1/staff/reports?' + new URLSearchParams(params));
export const report = (id) => request('/api/v1/staff/reports/' + encodeURIComponent(id));
export const act = (id, body) => send('POST', `/api/v1/staff/reports/${encodeURIComponent(id)}/actions`, body);
export const bulkAct = (body) => send('POST', '/api/v1/staff/bulk-actions', body);
export const savedViews = () => request('/api/v1/staff/views');
export const saveView = (name, query) => send('POST', '/api/v1/staff/views', { name, query });
export const removeView = (id) => send('DELETE', `/api/v1/staff/views/${id}`);
export const inbox = ({ items } = {}) => request('/api/v1/staff/inbox' + (items === undefined ? '' : `?items=${items}`));
export const markInboxRead = (body) => send('POST', '/api/v1/staff/inbox/read', body);
export const officers = () => request('/api/v1/staff/officers');
export const holidays = () => request('/api/v1/admin/holidays');
export const addHoliday = (holiday) => send('POST', '/api/v1/admin/holidays', holiday);
export const removeHoliday = (date) => send('DELETE', '/api/v1/admin/holidays/' + encodeURIComponent(date));
export const holidayYears = () => request('/api/v1/admin/holiday-years');
export const confirmHolidayYear = (year) => send('POST', `/api/v1/admin/holiday-years/${encodeURIComponent(year)}/confirm`);
export const importHolidays = (csv) => send('POST', '/api/v1/admin/holidays/import', csv, 'text/csv');
export const failedNotifications = () => request('/api/v1/admin/notifications?status=failed');
export const retryNotification = (id) => send('POST', `/api/v1/admin/notifications/${id}/retry`);
export const apiKeys = () => request('/api/v1/admin/api-keys');
export const createApiKey = (name, scope) => send('POST', '/api/v1/admin/api-keys', { name, scopes: [scope] });
export const revokeApiKey = (id) => send('DELETE', `/api/v1/admin/api-keys/${id}`);
export const termLinks = (page) => request('/api/v1/admin/term-links?' + new URLSearchParams({ page, per_page: 50 }));
export const reviewTermLink = (term, linked, rejected) => send('POST', '/api/v1/admin/term-links/review', { term, linked, rejected });
export const similarReports = (id) => request(`/api/v1/staff/reports/${encodeURIComponent(id)}/similar`);
export const dashboard = (params) => request('/api/v1/staff/dashboard?' + new URLSearchParams(params));
export const cannedResponses = () => request('/api/v1/staff/canned-responses');
export const addCannedResponse = (item) => send('POST', '/api/v1/staff/canned-responses', item);
export const changeCannedResponse = (id, item) => send('PUT', `/api/v1/staff/canned-responses/${id}`, item);
export const removeCannedResponse = (id) => send('DELETE', `/api/v1/staff/canned-responses/${id}`);
export const changePassword = (currentPassword, password) => send('POST', '/api/v1/session/password', { current_password: currentPassword, password });
export const activateAccount = (token, password) => send('POST', '/api/v1/session/activation', { token, password });
export const accounts = () => request('/api/v1/admin/accounts');
export const createAccount = (account) => send('POST', '/api/v1/admin/accounts', account);
export const changeAccount = (id, change) => send('PUT', `/api/v1/admin/accounts/${id}`, change);
export const setAccountDisabled = (id, disabled) => send('POST', `/api/v1/admin/accounts/${id}/${disabled ? 'disable' : 'enable'}`);
export const resetAccount = (id, credential) => send('POST', `/api/v1/admin/accounts/${id}/reset`, { credential });
export const adminAgencies = () => request('/api/v1/admin/agencies');
export const createAgency = (agency) => send('POST', '/api/v1/admin/agencies', agency);
export const changeAgency = (code, change) => send('PUT', '/api/v1/admin/agencies/' + encodeURIComponent(code), change);
export const adminCategories = () => request('/api/v1/admin/categories');
export const createCategory = (category) => send('POST', '/api/v1/admin/categories', category);
export const changeCategory = (code, change) => send('PUT', '/api/v1/admin/categories/' + encodeURIComponent(code), change);
export const adminEvents = (kind) => request('/api/v1/admin/admin-events?' + new URLSearchParams(kind ? { kind, limit: 100 } : { limit: 100 }));
export const externalAgencies = () => request('/api/v1/admin/external-agencies');
export const setExternalAgency = (code, settings) => send('PUT', `/api/v1/admin/agencies/${encodeURIComponent(code)}/external`, settings);
export const removeExternalAgency = (code) => send('DELETE', `/api/v1/admin/agencies/${encodeURIComponent(code)}/external`);
export const agencySettings = () => request('/api/v1/staff/agency-settings');
export const setAgencySetting = (code, settings) => send('PUT', `/api/v1/staff/agency-settings/${encodeURIComponent(code)}`, settings);
