/// A group of values that several pages share (`SignedInBar`, `AuditTitle`, `FormErrors`), held by
/// a page as one property but read by its template under the group's own names, as if the page
/// held them itself: `TemplateEncoder` flattens a part into the page's values.
protocol PagePart: Encodable {}
