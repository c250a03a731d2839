package com.competencyrecon.ownership;

public enum UserStatus {
    ACTIVE, DELETED
}
