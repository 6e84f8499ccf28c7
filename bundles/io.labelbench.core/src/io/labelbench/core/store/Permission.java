package io.labelbench.core.store;

/** Things a project member may be allowed to do. */
public enum Permission {
	VIEW, ANNOTATE, REVIEW, IMPORT, EXPORT, EDIT_CONFIG, DEPLOY_SERVER, PRE_ANNOTATE, TRAIN, MANAGE_MEMBERS
}
