"""The 企业 screen: the district's enterprise register, one enterprise's record, its editing."""
