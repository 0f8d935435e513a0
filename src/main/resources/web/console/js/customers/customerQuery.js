// The customer list's filter as the query of GET /api/v1/customers (docs/api.md, "Finding
// customers"): repeated fields for several values (tag=a&tag=b), attributes as attr.<key>.

/** An empty filter form. */
export function emptyFilter() {
  return {
    q: '', tags: '', level: '', channel: '', blocked: '',
    lastSeenFrom: '', lastSeenTo: '', lastConversationFrom: '', lastConversationTo: '',
    attribute: '', attrValue: '', attrFrom: '', attrTo: '',
  };
}

/** The form as filter fields: field -> list of values (also what a segment saves). */
export function filterFields(form, attributes) {
  const fields = {};
  const put = (name, value) => {
    if (value === undefined || value === null) return;
    const text = String(value).trim();
    if (text) (fields[name] = fields[name] || []).push(text);
  };
  put('q', form.q);
  String(form.tags || '').split(/[,，]/).forEach((tag) => put('tag', tag));
  put('level', form.level);
  put('channel', form.channel);
  put('blocked', form.blocked);
  put('lastSeen.from', form.lastSeenFrom);
  put('lastSeen.to', form.lastSeenTo);
  put('lastConversation.from', form.lastConversationFrom);
  put('lastConversation.to', form.lastConversationTo);
  const attribute = (attributes || []).find((a) => a.key === form.attribute);
  if (attribute) {
    if (attribute.type === 'NUMBER' || attribute.type === 'DATE') {
      put('attr.' + attribute.key + '.from', form.attrFrom);
      put('attr.' + attribute.key + '.to', form.attrTo);
    } else {
      put('attr.' + attribute.key, form.attrValue);
    }
  }
  return fields;
}

/** Fields plus paging as a query string. */
export function queryString(fields, extra) {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(fields)) values.forEach((value) => params.append(name, value));
  for (const [name, value] of Object.entries(extra || {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  return params.toString();
}
