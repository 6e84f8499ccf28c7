package io.labelbench.core.store;

import java.util.EnumSet;
import java.util.Set;

/** Project roles as in Generative AI Lab, with what each may do. */
public enum Role {
	OWNER(EnumSet.allOf(Permission.class)),
	MANAGER(EnumSet.complementOf(EnumSet.of(Permission.MANAGE_MEMBERS))),
	ANNOTATOR(EnumSet.of(Permission.VIEW, Permission.ANNOTATE)),
	REVIEWER(EnumSet.of(Permission.VIEW, Permission.REVIEW));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean allows(Permission permission) {
		return permissions.contains(permission);
	}

	/** The name as written in project.json and shown to users: Owner, Manager, Annotator, Reviewer. */
	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

	public static Role parse(String text) {
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(text)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + text + "' (Owner, Manager, Annotator, Reviewer)");
	}
}
