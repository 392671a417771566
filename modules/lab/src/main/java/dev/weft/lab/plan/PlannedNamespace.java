package dev.weft.lab.plan;

import dev.weft.lab.kernel.NamespaceState;
import dev.weft.linux.netns.NetnsName;

/** One namespace of a lab: its kernel name, what it stands for, the model's name for it, and what it holds. */
public record PlannedNamespace(NetnsName name, LabRole role, String modelName, NamespaceState state) {}
