package com.competencyrecon.ownership;

public enum LinkAction {
    LINK, UNLINK
}
