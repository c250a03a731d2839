package com.competencyrecon.catalog;

public enum CredentialType {
    EXAM, CERTIFICATION, ASSESSMENT
}
