#ifndef S11_CLIBXML2_SHIM_H
#define S11_CLIBXML2_SHIM_H

/* libxml2 built with ICU pulls in the system's ICU headers, which clash with the copy inside
   Foundation. s11 never touches the ICU conversion fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>

/// Structured error callback; the pointer's constness changed in libxml2 2.12.
#if LIBXML_VERSION >= 21200
typedef void (*s11_structured_error_fn)(void *ctx, const xmlError *error);
#else
typedef void (*s11_structured_error_fn)(void *ctx, xmlError *error);
#endif

/// `xmlFree` is a global function pointer that Swift 6 refuses to touch.
static inline void s11_xml_free(void *p) { xmlFree(p); }

/// Install the structured error handler for the current thread.
static inline void s11_set_structured_errors(void *ctx, s11_structured_error_fn fn) {
    xmlSetStructuredErrorFunc(ctx, (xmlStructuredErrorFunc)fn);
}

/// Schema validation errors routed to a structured handler.
static inline void s11_schema_valid_errors(xmlSchemaValidCtxtPtr vctx, s11_structured_error_fn fn, void *ctx) {
    xmlSchemaSetValidStructuredErrors(vctx, (xmlStructuredErrorFunc)fn, ctx);
}

/// Schema parser errors routed to a structured handler.
static inline void s11_schema_parser_errors(xmlSchemaParserCtxtPtr pctx, s11_structured_error_fn fn, void *ctx) {
    xmlSchemaSetParserStructuredErrors(pctx, (xmlStructuredErrorFunc)fn, ctx);
}

/// An external entity loader that refuses everything: s11 never fetches files or URLs named inside XML.
static xmlParserInputPtr s11_refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/// Install the refusing loader process-wide (once, at start).
static inline void s11_refuse_external_entities(void) {
    xmlSetExternalEntityLoader(s11_refusing_loader);
}

#endif
