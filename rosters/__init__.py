"""Rosters: a notice's list read from any file a bureau sends, and schools matched to it.

Public:
- ``rosters.roster``: ``read_roster``, ``read_roster_for``, ``roster_from_matrix``,
  ``list_columns``, and ``Roster``, ``RosterRow`` (defined in ``rosters.model``);
- ``rosters.matching``: ``SchoolMatcher``, ``Match`` (a name written in a return → its row);
- ``rosters.school_names``: ``canonical_school_name`` (one spelling of a school's name);
- ``rosters.prefill``: ``prefill_values`` (the text a row writes into a form's blanks);
- ``rosters.naming``: ``file_name``, ``path_inside`` (file names of a row's documents).

generator/ and records/ both use it; it reads .docx and .pdf lists with parsers/ and never
imports generator/ or records/.
"""
