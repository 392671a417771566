/** Links: what to create ({@link dev.weft.linux.link.LinkSpec}), what the kernel reports ({@link dev.weft.linux.link.Link}), and the operations ({@link dev.weft.linux.link.Links}). */
@NullMarked
package dev.weft.linux.link;

import org.jspecify.annotations.NullMarked;
