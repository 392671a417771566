/** Test support shared by every module through the weft-model test-jar. */
@NullMarked
package dev.weft.model.testing;

import org.jspecify.annotations.NullMarked;
