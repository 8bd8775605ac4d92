#ifndef EXPORTCTL_CLIBXML_SHIM_H
#define EXPORTCTL_CLIBXML_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its <unicode/*> headers clash with Foundation's own ICU module
// ("'UErrorCode' has different definitions"). We never allocate encoding handlers, so drop the ICU fields.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlwriter.h>

// xmlFree is a mutable global function pointer that Swift 6 refuses to touch.
static inline void clibxml_free(void *p) { xmlFree(p); }

// xmlSchemaInitTypes returns void in 2.9 and int later, and is not thread-safe: call both once, from C.
static inline void clibxml_initialize(void) {
    xmlInitParser();
    xmlSchemaInitTypes();
}
#endif
