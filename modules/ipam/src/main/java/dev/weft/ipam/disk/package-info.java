/** The on-disk store in host-local's format (one file per address, last_reserved_ip.N, a flock'd lock file), made crash safe. */
@NullMarked
package dev.weft.ipam.disk;

import org.jspecify.annotations.NullMarked;
