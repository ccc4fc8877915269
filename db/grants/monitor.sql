-- grants/monitor.sql: the monitoring account every program's /metrics
-- uses to read its own server's replication state (lib/dbstate.c): SHOW
-- ALL SLAVES STATUS needs SLAVE MONITOR (MariaDB 10.11; REPLICA MONITOR is
-- the same privilege); the wsrep status variables need none. Nothing else:
-- it reads no table and connects without a default database. Applied
-- after every migration run; @PW_monitor@ is replaced by its generated
-- password. REVOKE first, so this file is the whole truth about the account.

CREATE USER IF NOT EXISTS 'zsog_monitor'@'localhost' IDENTIFIED BY '@PW_monitor@';
ALTER USER 'zsog_monitor'@'localhost' IDENTIFIED BY '@PW_monitor@';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'zsog_monitor'@'localhost';
GRANT SLAVE MONITOR ON *.* TO 'zsog_monitor'@'localhost';
