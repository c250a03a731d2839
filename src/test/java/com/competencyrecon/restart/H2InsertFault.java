package com.competencyrecon.restart;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded database's side of an injected fault: a row trigger that fails the insert of a row whose column
 * holds the value {@code test_fault} names for its table. It reads the switch table on every row, so arming and
 * disarming the fault is a plain insert or delete, and an empty switch table lets every insert through.
 */
public class H2InsertFault implements Trigger {

    private String table;
    private final List<String> columns = new ArrayList<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        table = tableName;
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement faults = conn.prepareStatement(
                "SELECT target_column, target_value FROM test_fault WHERE UPPER(target_table) = UPPER(?)")) {
            faults.setString(1, table);
            try (ResultSet rs = faults.executeQuery()) {
                while (rs.next()) {
                    int column = indexOf(rs.getString(1));
                    if (column >= 0 && rs.getString(2).equals(String.valueOf(newRow[column]))) {
                        throw new SQLException("injected fault: insert into " + table + " where " + rs.getString(1)
                                + " = " + rs.getString(2), "45000");
                    }
                }
            }
        }
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
