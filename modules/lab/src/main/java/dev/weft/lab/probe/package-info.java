/** The probe command: real TCP, UDP and ICMP traffic between a lab's namespaces, compared cell by cell with the simulator. */
@NullMarked
package dev.weft.lab.probe;

import org.jspecify.annotations.NullMarked;
