-- The client addresses an account signed in from successfully: failures of that account from other addresses
-- (a stranger guessing) never slow its owner down at these. Shared by every lms-web node, like login_failure,
-- whose keys are now 'pair:<username>|<address>', 'account:<username>' and 'address:<ip>'.
CREATE TABLE login_known_address (
    username        VARCHAR(64)  NOT NULL,
    address         VARCHAR(64)  NOT NULL,
    last_success_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (username, address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE login_failure MODIFY counter_key VARCHAR(200) NOT NULL;
