-- An operator may bring a hidden partner back ("show", which undoes "hide").

ALTER TABLE partner_corrections DROP CONSTRAINT partner_corrections_action_check;
ALTER TABLE partner_corrections ADD CONSTRAINT partner_corrections_action_check
    CHECK (action IN ('merge', 'split', 'rename', 'hide', 'show', 'country'));
