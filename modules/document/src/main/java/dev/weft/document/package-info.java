/** Located YAML/JSON documents and diagnostics for every parser. */
@NullMarked
package dev.weft.document;

import org.jspecify.annotations.NullMarked;
